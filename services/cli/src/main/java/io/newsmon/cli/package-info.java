/**
 * The Java side of the {@code ./newsmon} launcher: run the stack as processes, publish files, and
 * the end-to-end demo.
 *
 * <p>Every service runs as its own JVM, started exactly as an operator would start it ({@code java
 * -jar} on the packaged artifact), so the demo and its end-to-end test exercise what users deploy.
 * {@link io.newsmon.cli.ServiceProcess} launches one service and waits for its ready signal; {@link
 * io.newsmon.cli.Stack} starts and stops the broker, pipeline and alert service together; {@link
 * io.newsmon.cli.Demo} drives the canonical case.
 */
package io.newsmon.cli;
