namespace IAToolkit.AspNet.Localization;

/// <summary>Every text of the web pages in one language (English and Spanish ship with the framework).</summary>
/// <remarks>Each property is the text its name says; they are documented by their values in <c>UiTexts</c>.</remarks>
#pragma warning disable CS1591
internal sealed record UiText
{
    public required string Language { get; init; }
    public required string PoweredBy { get; init; }
    public required string Email { get; init; }
    public required string Password { get; init; }
    public required string ConfirmPassword { get; init; }
    public required string NewPassword { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string BackToLogin { get; init; }

    public required string LoginTitle { get; init; }
    public required string LoginButton { get; init; }
    public required string NoAccount { get; init; }
    public required string SignUpLink { get; init; }
    public required string ForgotLink { get; init; }

    public required string SignUpTitle { get; init; }
    public required string SignUpButton { get; init; }
    public required string HaveAccount { get; init; }
    public required string PasswordRules { get; init; }
    public required string SignUpCheckMail { get; init; }
    public required string SignUpDone { get; init; }
    public required string SignUpJoined { get; init; }

    public required string VerifiedTitle { get; init; }
    public required string VerifiedText { get; init; }

    public required string ForgotTitle { get; init; }
    public required string ForgotIntro { get; init; }
    public required string ForgotButton { get; init; }
    public required string ForgotSent { get; init; }

    public required string ChangeTitle { get; init; }
    public required string ChangeButton { get; init; }
    public required string PasswordChanged { get; init; }

    public required string ChatTitle { get; init; }
    public required string ChatComing { get; init; }
    public required string SignedInAs { get; init; }
    public required string Logout { get; init; }

    public required string LinkInvalidTitle { get; init; }
    public required string LinkInvalid { get; init; }
    public required string LinkExpired { get; init; }
    public required string LinkUsed { get; init; }
    public required string LinkAgainVerify { get; init; }
    public required string LinkAgainReset { get; init; }
    public required string LinkAgainExternal { get; init; }

    public required string ErrorRequired { get; init; }
    public required string ErrorEmail { get; init; }
    public required string ErrorName { get; init; }
    public required string ErrorPasswordWeak { get; init; }
    public required string ErrorPasswordsDiffer { get; init; }
    public required string ErrorAccountExists { get; init; }
    public required string ErrorInvalidCredentials { get; init; }
    public required string ErrorNotVerified { get; init; }
    public required string ErrorNotMember { get; init; }
    public required string ErrorMail { get; init; }
    public required string ErrorTooMany { get; init; }
    public required string ErrorFormExpired { get; init; }
    public required string ErrorDomainNotAllowed { get; init; }
    public required string ErrorLoginBackoff { get; init; }
    public required string SignUpClosedTitle { get; init; }
    public required string SignUpClosedText { get; init; }
    public required string LogoutQuestion { get; init; }

    public required string NotFoundTitle { get; init; }
    public required string ErrorTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string CompanyNotFoundText { get; init; }
    public required string MethodNotAllowedText { get; init; }
    public required string UnsupportedMediaText { get; init; }

    public required string LanguageName { get; init; }
    public required string LanguageLabel { get; init; }
    public required string SkipToContent { get; init; }
    public required string HomeLink { get; init; }

    public required string HomeTitle { get; init; }
    public required string HomeHeading { get; init; }
    public required string HomeIntro { get; init; }
    public required string HomeExamples { get; init; }
    public required string HomeSignedIn { get; init; }
    public required string HomeOpenChat { get; init; }

    public required string IndexCompanies { get; init; }
    public required string IndexReadiness { get; init; }
}
#pragma warning restore CS1591
