using IAToolkit.Companies;

namespace IAToolkit.Mail;

/// <summary>
/// The mails of the identity flows (account verification, password reset) and the user feedback notification, in
/// English and Spanish. Each renders a subject, an HTML body (the company's <c>brand_primary_color</c> on the button,
/// the plain link below it, every value HTML-encoded) and a text body. Pure functions: nothing to register.
/// </summary>
internal static class MailTemplates
{
    /// <summary>The highest feedback rating; ratings go from 1 to this.</summary>
    public const int MaxRating = 5;

    /// <summary>The mail that asks a new user to confirm their address.</summary>
    /// <param name="company">The company the user signed up to (its name and branding).</param>
    /// <param name="language"><c>en</c> or <c>es</c> (a locale such as <c>es_CL</c> also works); anything else is English.</param>
    /// <param name="firstName">The user's first name; blank gives a greeting without a name.</param>
    /// <param name="verifyLink">The absolute http(s) link that verifies the account.</param>
    /// <param name="linkLifetime">How long the link works, told in the mail.</param>
    public static RenderedMail AccountVerification(Company company, string? language, string? firstName, Uri verifyLink, TimeSpan linkLifetime)
    {
        ArgumentNullException.ThrowIfNull(company);
        CheckLink(verifyLink);
        var texts = MailTexts.For(language);
        var name = company.Configuration.Name;
        return Greet(new MailBodyBuilder(MailBranding.Of(company)), texts, firstName)
            .Text(texts.VerificationIntro, name)
            .Button(texts.VerificationButton, verifyLink, texts.LinkFallback)
            .Note(texts.LinkExpires, texts.Lifetime(linkLifetime))
            .Note(texts.VerificationIgnore)
            .Build(texts.Language, MailTexts.Fill(texts.VerificationSubject, OneLine(name)), name, MailTexts.Fill(texts.Signature, name));
    }

    /// <summary>The mail with the single-use link that lets a user choose a new password.</summary>
    /// <param name="company">The company of the account (its name and branding).</param>
    /// <param name="language"><c>en</c> or <c>es</c>; anything else is English.</param>
    /// <param name="firstName">The user's first name, when known; blank gives a greeting without a name.</param>
    /// <param name="resetLink">The absolute http(s) link, carrying the single-use token.</param>
    /// <param name="linkLifetime">How long the link works, told in the mail.</param>
    public static RenderedMail PasswordReset(Company company, string? language, string? firstName, Uri resetLink, TimeSpan linkLifetime)
    {
        ArgumentNullException.ThrowIfNull(company);
        CheckLink(resetLink);
        var texts = MailTexts.For(language);
        var name = company.Configuration.Name;
        return Greet(new MailBodyBuilder(MailBranding.Of(company)), texts, firstName)
            .Text(texts.ResetIntro, name)
            .Button(texts.ResetButton, resetLink, texts.LinkFallback)
            .Note(texts.LinkExpires, texts.Lifetime(linkLifetime))
            .Note(texts.ResetSingleUse)
            .Note(texts.ResetIgnore)
            .Build(texts.Language, MailTexts.Fill(texts.ResetSubject, OneLine(name)), name, MailTexts.Fill(texts.Signature, name));
    }

    /// <summary>The notification that a user rated the assistant, sent to <c>parameters.user_feedback.destination</c>.</summary>
    /// <param name="company">The company whose assistant was rated.</param>
    /// <param name="language"><c>en</c> or <c>es</c>; anything else is English.</param>
    /// <param name="userIdentifier">Who left the feedback (an e-mail or the company's own user id).</param>
    /// <param name="rating">From 1 to <see cref="MaxRating"/>; shown as stars.</param>
    /// <param name="comment">The user's comment, if any; line breaks are kept.</param>
    public static RenderedMail FeedbackNotification(Company company, string? language, string userIdentifier, int rating, string? comment)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentException.ThrowIfNullOrWhiteSpace(userIdentifier);
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, MaxRating);
        var texts = MailTexts.For(language);
        var name = company.Configuration.Name;
        var stars = $"{new string('★', rating)}{new string('☆', MaxRating - rating)} ({rating}/{MaxRating})";
        return new MailBodyBuilder(MailBranding.Of(company))
            .Text(texts.FeedbackIntro, name)
            .Field(texts.FeedbackUser, userIdentifier)
            .Field(texts.FeedbackRating, stars)
            .Field(texts.FeedbackComment, string.IsNullOrWhiteSpace(comment) ? texts.FeedbackNoComment : comment.Trim())
            .Build(texts.Language, MailTexts.Fill(texts.FeedbackSubject, OneLine(name), OneLine(userIdentifier)), name, MailTexts.Fill(texts.Signature, name));
    }

    private static MailBodyBuilder Greet(MailBodyBuilder body, MailTexts texts, string? firstName)
        => string.IsNullOrWhiteSpace(firstName) ? body.Text(texts.Greeting) : body.Text(texts.GreetingByName, firstName.Trim());

    private static void CheckLink(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.IsAbsoluteUri || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The link must be an absolute http(s) URL, not '{link}'.", nameof(link));
        }
    }

    // A subject is one line: a value with line breaks (a hostile user id) must not add headers or break the check.
    private static string OneLine(string value) => string.Join(' ', value.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
