package io.conversa.application.nlp;

import java.time.LocalDate;

/** A message as the pipeline reads it: its id, its author (participant id, null for system text), the day it was sent, its text. */
public record MessageText(long id, Long author, LocalDate sentOn, String text) {
}
