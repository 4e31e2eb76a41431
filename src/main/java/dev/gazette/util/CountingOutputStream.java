package dev.gazette.util;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Passes bytes on while counting them and hashing them with SHA-256. */
public final class CountingOutputStream extends FilterOutputStream {
  private final MessageDigest sha;
  private long size;

  public CountingOutputStream(OutputStream out) {
    this(out, Hashes.sha256());
  }

  private CountingOutputStream(OutputStream out, MessageDigest sha) {
    super(new DigestOutputStream(out, sha));
    this.sha = sha;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    size += len;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    size++;
  }

  /** Bytes written so far. */
  public long size() {
    return size;
  }

  /** The SHA-256 of the bytes written, in hex; call once, after the last write. */
  public String sha256() {
    return HexFormat.of().formatHex(sha.digest());
  }
}
