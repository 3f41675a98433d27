package org.mentor.core.export;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;

/**
 * Keyed-hash pseudonyms and date shifts: HMAC-SHA256 under the programme's secret, with the study
 * label and a purpose mixed into every message, so the same person gets the same pseudonym in every
 * export of one study (cohorts can be refreshed) and unlinkable ones across studies. Without the
 * secret, a pseudonym cannot be recomputed from a guessed id (a plain hash could be).
 */
final class Pseudonyms {
  /** 32 bytes: the HMAC-SHA256 key length that gives its full strength (RFC 2104 §3). */
  static final int MIN_SECRET_BYTES = 32;
  /** 80 bits of the MAC: collisions are negligible for a national cohort (10^6 people: ~4e-13). */
  private static final int PSEUDONYM_BYTES = 10;
  private static final BaseEncoding BASE32 = BaseEncoding.base32().omitPadding().lowerCase();

  private final HashFunction mac;
  private final String study;

  Pseudonyms(byte[] secret, String study) {
    requireNonNull(secret, "secret");
    checkArgument(secret.length >= MIN_SECRET_BYTES, "the secret has at least %s bytes", MIN_SECRET_BYTES);
    this.mac = Hashing.hmacSha256(secret.clone());
    this.study = requireNonNull(study, "study");
  }

  /**
   * The pseudonym of an identifier.
   *
   * @param kind what is named, such as {@code case}; also the pseudonym's prefix letter
   * @param id the original identifier
   * @return {@code c-} followed by 16 base-32 characters
   */
  String of(String kind, String id) {
    byte[] digest = digest(kind, id).asBytes();
    byte[] head = new byte[PSEUDONYM_BYTES];
    System.arraycopy(digest, 0, head, 0, PSEUDONYM_BYTES);
    return kind.charAt(0) + "-" + BASE32.encode(head);
  }

  /**
   * The whole number of days every date of one mother moves by: a magnitude in [min, max] and a
   * sign, both from the MAC, so it is stable across exports of the study and never zero.
   */
  int shiftDays(String motherId, int min, int max) {
    byte[] digest = digest("date-shift", motherId).asBytes();
    long value = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8) | (digest[3] & 0xFFL);
    int magnitude = min + (int) (value % (max - min + 1));
    return (digest[4] & 1) == 0 ? magnitude : -magnitude;
  }

  private HashCode digest(String purpose, String value) {
    // Length-prefixed fields: no two (study, purpose, value) triples share a message.
    return mac.newHasher()
        .putInt(study.length()).putString(study, StandardCharsets.UTF_8)
        .putInt(purpose.length()).putString(purpose, StandardCharsets.UTF_8)
        .putInt(value.length()).putString(value, StandardCharsets.UTF_8)
        .hash();
  }
}
