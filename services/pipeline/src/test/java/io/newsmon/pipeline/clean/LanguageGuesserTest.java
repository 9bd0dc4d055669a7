package io.newsmon.pipeline.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.pipeline.ExtractionDevSet;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

  private static final String ENGLISH =
      "Ukraine's border service said on Tuesday that it had not seen any build-up of Russian"
          + " troops near the border, contradicting reports from the United States that Moscow"
          + " was massing forces. A spokesman for the service told reporters that the situation"
          + " at the frontier was under control and that there had been no change in the number"
          + " of units stationed on the other side. The statement came after officials in"
          + " Washington said they were concerned about unusual movements of equipment, and as"
          + " European leaders prepared to meet to discuss the crisis with their counterparts.";

  @Test
  void englishNewsIsAnsweredWithoutTheModelAndAgreesWithIt() {
    assertThat(LanguageGuesser.plainlyEnglish(ENGLISH)).isTrue();
    assertThat(new LanguageGuesser().guess(ENGLISH)).isEqualTo("en");
  }

  @Test
  void otherLanguagesInLatinLettersGoToTheModel() {
    String[] others = {
      // German, Dutch, French, Spanish, Italian, Portuguese: the same news, translated.
      "Der ukrainische Grenzschutz erklärte am Dienstag, er habe keine Ansammlung russischer"
          + " Truppen an der Grenze beobachtet, und widersprach damit Berichten aus den"
          + " Vereinigten Staaten, wonach Moskau Streitkräfte zusammenziehe. Ein Sprecher sagte,"
          + " die Lage an der Grenze sei unter Kontrolle und die Zahl der Einheiten auf der"
          + " anderen Seite habe sich nicht verändert, während europäische Regierungschefs ein"
          + " Treffen vorbereiteten, um die Krise mit ihren Amtskollegen zu besprechen.",
      "De Oekraïense grenswacht zei dinsdag dat zij geen opbouw van Russische troepen bij de"
          + " grens had gezien, in tegenspraak met berichten uit de Verenigde Staten dat Moskou"
          + " troepen samentrok. Een woordvoerder zei dat de situatie aan de grens onder controle"
          + " was en dat het aantal eenheden aan de andere kant niet was veranderd, terwijl"
          + " Europese leiders zich voorbereidden om de crisis met hun collega's te bespreken in"
          + " een vergadering die voor het einde van de week is gepland in de hoofdstad.",
      "Le service ukrainien des frontières a déclaré mardi qu'il n'avait constaté aucun"
          + " renforcement des troupes russes près de la frontière, contredisant les informations"
          + " venues des États-Unis selon lesquelles Moscou massait des forces. Un porte-parole a"
          + " affirmé que la situation à la frontière était sous contrôle et que le nombre d'unités"
          + " de l'autre côté n'avait pas changé, alors que les dirigeants européens se préparaient"
          + " à discuter de la crise avec leurs homologues lors d'une réunion cette semaine.",
      "El servicio de fronteras de Ucrania dijo el martes que no había visto ninguna"
          + " concentración de tropas rusas cerca de la frontera, contradiciendo los informes de"
          + " Estados Unidos según los cuales Moscú estaba reuniendo fuerzas. Un portavoz afirmó"
          + " que la situación en la frontera estaba bajo control y que el número de unidades del"
          + " otro lado no había cambiado, mientras los líderes europeos se preparaban para"
          + " discutir la crisis con sus homólogos en una reunión prevista para esta semana.",
      "Il servizio di frontiera ucraino ha dichiarato martedì di non aver osservato alcun"
          + " ammassamento di truppe russe vicino al confine, contraddicendo le notizie"
          + " provenienti dagli Stati Uniti secondo cui Mosca stava concentrando le forze. Un"
          + " portavoce ha detto che la situazione al confine era sotto controllo e che il numero"
          + " di unità dall'altra parte non era cambiato, mentre i leader europei si preparavano"
          + " a discutere la crisi con i loro omologhi in una riunione prevista questa settimana.",
      "O serviço de fronteiras da Ucrânia disse na terça-feira que não tinha visto qualquer"
          + " concentração de tropas russas perto da fronteira, contradizendo as informações dos"
          + " Estados Unidos segundo as quais Moscovo estava a reunir forças. Um porta-voz afirmou"
          + " que a situação na fronteira estava sob controlo e que o número de unidades do outro"
          + " lado não tinha mudado, enquanto os líderes europeus se preparavam para discutir a"
          + " crise com os seus homólogos numa reunião prevista para esta semana na capital."
    };
    LanguageGuesser guesser = new LanguageGuesser();
    for (String text : others) {
      assertThat(LanguageGuesser.plainlyEnglish(text)).as(text).isFalse();
      assertThat(guesser.guess(text)).as(text).isNotEqualTo("en");
    }
  }

  @Test
  void onRealPagesTheShortcutNeverDisagreesWithTheModel() throws Exception {
    ExtractionDevSet set = ExtractionDevSet.requireOrSkip();
    LanguageGuesser guesser = new LanguageGuesser();
    int shortcut = 0;
    for (String id : set.gold().keySet()) {
      String text = set.articleBody(id);
      if (LanguageGuesser.plainlyEnglish(text)) {
        shortcut++;
        String sample = text.length() > 2000 ? text.substring(0, 2000) : text;
        assertThat(guesser.guessWithModel(sample)).as(id).isEqualTo("en");
      }
    }
    assertThat(shortcut).as("English pages answered without the model").isGreaterThan(70);
  }
}
