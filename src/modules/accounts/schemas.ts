import Type, { type Static } from 'typebox';

/**
 * The shape of each account form. Routes declare them with `attachValidation: true`:
 * the richer rules (length, address format, common passwords) are checked in
 * validation.ts with messages written for each field, and the form comes back with
 * status 400 instead of a bare error page.
 */
export const SignUpBody = Type.Object({
  display_name: Type.String(),
  email: Type.String(),
  password: Type.String(),
});
export type SignUpBody = Static<typeof SignUpBody>;

export const SignInBody = Type.Object({
  email: Type.String(),
  password: Type.String(),
  /** Local path to return to after signing in. */
  next: Type.Optional(Type.String()),
});
export type SignInBody = Static<typeof SignInBody>;

export const SignInQuery = Type.Object({
  next: Type.Optional(Type.String()),
  done: Type.Optional(Type.String()),
});

export const ForgotPasswordBody = Type.Object({ email: Type.String() });
export type ForgotPasswordBody = Static<typeof ForgotPasswordBody>;

export const ResetPasswordBody = Type.Object({ password: Type.String() });
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

export const ChangePasswordBody = Type.Object({
  current_password: Type.String(),
  new_password: Type.String(),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const DetailsBody = Type.Object({
  display_name: Type.String(),
  preferred_lang: Type.Union([Type.Literal('mn'), Type.Literal('en')]),
});
export type DetailsBody = Static<typeof DetailsBody>;

export const TokenParams = Type.Object({ token: Type.String() });

export const DoneQuery = Type.Object({ done: Type.Optional(Type.String()) });
