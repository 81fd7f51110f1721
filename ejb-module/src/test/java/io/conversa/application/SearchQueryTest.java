package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void keepsWordsPhrasesExclusionsAndOr() {
        assertThat(SearchQuery.parse("pizza \"see you soon\" -tomorrow OR later").indexSyntax())
                .isEqualTo("pizza \"see you soon\" -tomorrow | later");
    }

    @Test
    void namesAndNumbersMatchNearSpellings() {
        assertThat(SearchQuery.parse("Maria 55512 ok").indexSyntax()).isEqualTo("Maria~1 55512~1 ok");
    }

    @Test
    void operatorCharactersTypedByUsersAreNotOperators() {
        assertThat(SearchQuery.parse("a*b (c) x|y").indexSyntax()).isEqualTo("\"a b\" c \"x y\"");
    }

    @Test
    void danglingOrIsDropped() {
        assertThat(SearchQuery.parse("OR pizza OR").indexSyntax()).isEqualTo("pizza");
    }

    @Test
    void refusesOnlyExclusions() {
        assertThatThrownBy(() -> SearchQuery.parse("-pizza")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SearchQuery.parse("  ")).isInstanceOf(InvalidRequestException.class);
    }
}
