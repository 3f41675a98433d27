package org.mentor.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A real data source whose connections run a hook before a chosen statement executes or before
 * commit: to close the real connection mid-append, or to hold a transaction open while another
 * commits. Not a mock: every statement runs on the real database; the proxies only add the hook.
 */
final class FaultyDataSource {
  /** What to do at a point of an append, given the real connection. */
  @FunctionalInterface
  interface Hook {
    void run(Connection real) throws Exception;
  }

  private FaultyDataSource() {}

  /**
   * A data source that runs {@code hook} before executing any statement whose SQL contains {@code
   * sqlFragment} (case-insensitive), and before a commit when the fragment is {@code "COMMIT"},
   * once {@code armed} is set (so a store can migrate through it first).
   */
  static DataSource before(DataSource real, String sqlFragment, AtomicBoolean armed, Hook hook) {
    String fragment = sqlFragment.toLowerCase(Locale.ROOT);
    Hook whenArmed = connection -> {
      if (armed.get()) {
        hook.run(connection);
      }
    };
    return proxy(DataSource.class, real, (method, args, target) -> {
      Object result = method.invoke(target, args);
      if (method.getName().equals("getConnection")) {
        Connection connection = (Connection) result;
        return proxy(Connection.class, connection, (m, a, c) -> {
          if (m.getName().equals("commit") && fragment.equals("commit")) {
            whenArmed.run(connection);
          }
          Object made = m.invoke(c, a);
          if (m.getName().equals("prepareStatement") && ((String) a[0]).toLowerCase(Locale.ROOT).contains(fragment)) {
            PreparedStatement statement = (PreparedStatement) made;
            return proxy(PreparedStatement.class, statement, (sm, sa, s) -> {
              if (sm.getName().startsWith("execute")) {
                whenArmed.run(connection);
              }
              return sm.invoke(s, sa);
            });
          }
          return made;
        });
      }
      return result;
    });
  }

  @FunctionalInterface
  private interface Handler {
    Object handle(Method method, Object[] args, Object target) throws Exception;
  }

  private static <T> T proxy(Class<T> type, T target, Handler handler) {
    InvocationHandler invocation = (p, method, args) -> {
      try {
        return handler.handle(method, args, target);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } catch (SQLException | RuntimeException e) {
        throw e;
      }
    };
    return type.cast(Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, invocation));
  }
}
