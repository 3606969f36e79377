import { z } from "zod";

/** Shared by the login and signup forms (client-side validation) and their actions (the real check). */
export const emailField = z
  .string({ required_error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .email("Enter an email address like name@example.org");

export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordField = z
  .string({ required_error: "Choose a password" })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters");

export const signupSchema = z.object({
  name: z
    .string({ required_error: "Enter your name" })
    .trim()
    .min(2, "Enter your name (at least 2 characters)")
    .max(80, "Use at most 80 characters"),
  email: emailField,
  password: newPasswordField,
  redirectTo: z.string().optional(),
});

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ required_error: "Enter your password" }).max(200),
  redirectTo: z.string().optional(),
});
