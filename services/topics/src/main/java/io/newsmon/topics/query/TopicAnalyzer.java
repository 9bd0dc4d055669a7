package io.newsmon.topics.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How article text and query words are analysed: Lucene's English analysis (standard tokenizer,
 * possessives, lower case, stop words, Porter stemming) with each word indexed twice at one
 * position, stemmed and as written. The stem lets "troop" match "troops"; the written form lets a
 * wildcard such as {@code mobiliz*} match "mobilization", whose Porter stem "mobil" it would
 * otherwise miss.
 */
public final class TopicAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stream = new KeywordRepeatFilter(stream);
    stream = new PorterStemFilter(stream);
    stream = new SameStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
