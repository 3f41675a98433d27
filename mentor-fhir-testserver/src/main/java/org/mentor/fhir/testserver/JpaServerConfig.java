package org.mentor.fhir.testserver;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings.ClientIdStrategyEnum;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * The HAPI FHIR JPA R4 storage engine, as a national HAPI deployment runs it, over the H2 database named by the
 * {@link H2Database} bean and configured by the {@link ServerSettings} bean (both registered by
 * {@link FhirTestServer}).
 * Why each import is here: {@code ../shared/fhir/JPA-TEST-SERVER.md} §2.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  JpaR4Config.class,
  HapiJpaConfig.class,
  JpaBatch2Config.class,
  Batch2JobsConfig.class,
  ThreadPoolFactoryConfig.class,
  // Supplies the in-memory IBrokerClient that JpaBatch2Config needs; without it the context does not start.
  SubscriptionChannelConfig.class
})
class JpaServerConfig {

  @Bean
  JpaStorageSettings storageSettings(ServerSettings settings) {
    JpaStorageSettings storage = new JpaStorageSettings();
    storage.setEnforceReferentialIntegrityOnWrite(settings.referentialIntegrity());
    storage.setEnforceReferentialIntegrityOnDelete(settings.referentialIntegrity());
    storage.setResourceClientIdStrategy(
        settings.clientAssignedIds() ? ClientIdStrategyEnum.ALPHANUMERIC : ClientIdStrategyEnum.NOT_ALLOWED);
    return storage;
  }

  @Bean
  PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  @Bean
  SubscriptionSettings subscriptionSettings() {
    return new SubscriptionSettings();
  }

  @Bean(destroyMethod = "close")
  BasicDataSource dataSource(H2Database database) {
    BasicDataSource dataSource = new BasicDataSource();
    dataSource.setDriverClassName(org.h2.Driver.class.getName());
    dataSource.setUrl(database.jdbcUrl());
    dataSource.setUsername(H2Database.USER);
    dataSource.setPassword(H2Database.PASSWORD);
    dataSource.setMaxTotal(10);
    return dataSource;
  }

  @Bean
  LocalContainerEntityManagerFactoryBean entityManagerFactory(
      ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext,
      JpaStorageSettings storageSettings,
      DataSource dataSource) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
    factory.setPersistenceUnitName("HAPI_PU");
    factory.setDataSource(dataSource);
    Properties jpa = new Properties();
    // HAPI needs its own dialect for H2.
    jpa.put("hibernate.dialect", HapiFhirH2Dialect.class.getName());
    // Creates the schema in the empty in-memory database.
    jpa.put("hibernate.hbm2ddl.auto", "update");
    // No Lucene/Elasticsearch index: :text and _content searches are unavailable, which Mentor does not use.
    jpa.put("hibernate.search.enabled", "false");
    jpa.put("hibernate.format_sql", "false");
    jpa.put("hibernate.show_sql", "false");
    factory.setJpaProperties(jpa);
    return factory;
  }

  @Bean
  JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    return new JpaTransactionManager(entityManagerFactory);
  }
}
