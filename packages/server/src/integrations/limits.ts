/** Limits of what an inbound integration accepts (the same as the API's message text limit). */
export const MAX_TEXT_LENGTH = 20_000;
