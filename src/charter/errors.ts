/** Input the rules cannot judge (a vote count above the attendance, a negative total…), naming the field at fault. */
export class CharterInputError extends Error {
  override name = "CharterInputError";

  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}
