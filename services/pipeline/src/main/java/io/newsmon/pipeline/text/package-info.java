/**
 * Text normalisation shared by deduplication and matching: the same story must look the same
 * whatever quote characters, dashes, accents or transliteration an outlet used.
 */
package io.newsmon.pipeline.text;
