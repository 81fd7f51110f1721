package io.conversa.interfaces.export;

/** The order of day, month and year in an export's dates; one order holds for a whole file. */
public enum DateOrder {
    DAY_MONTH_YEAR,
    MONTH_DAY_YEAR,
    YEAR_MONTH_DAY
}
