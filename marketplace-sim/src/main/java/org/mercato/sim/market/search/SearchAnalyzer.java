package org.mercato.sim.market.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's {@link EnglishAnalyzer} chain (Unicode word tokenizer, possessives, lower case, English
 * stop words, Porter stemming) with ASCII folding before the stemmer. English, because requests are
 * English sentences ("Looking for Fish Tacos and Flan at a place with Free Wifi"): stop words drop
 * the filler and stemming lets "taco" find "Tacos". Folding lets "jalapeno" and "cafe" find
 * "Jalapeño Poppers" and "Café de Olla", which {@code EnglishAnalyzer} alone would not.
 */
final class SearchAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        result = new ASCIIFoldingFilter(result);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
