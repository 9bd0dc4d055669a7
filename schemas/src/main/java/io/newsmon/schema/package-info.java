/**
 * The wire boundary: Avro encoding of every record newsmon puts on Kafka.
 *
 * <p>Records travel in Avro <em>single-object encoding</em>: two marker bytes, the 8-byte
 * CRC-64-AVRO fingerprint of the writer schema, then the binary datum. The fingerprint makes each
 * record self-describing without a schema registry (none runs on the machines newsmon targets), and
 * a reader resolves older writers through the schemas released under {@code schemas/released/N/},
 * which ship inside this jar. The trade-off against a registry is that a reader must know every
 * writer schema in advance; {@code docs/schemas.md} explains why this is acceptable here and how to
 * move to a registry.
 *
 * <p>Domain code works with records and value classes of its own; the generated {@code
 * io.newsmon.avro} classes appear only where bytes are read or written.
 */
package io.newsmon.schema;
