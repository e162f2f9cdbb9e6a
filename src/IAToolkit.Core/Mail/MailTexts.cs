using System.Globalization;

namespace IAToolkit.Mail;

/// <summary>
/// Every sentence of the framework's mails in one language (see <see cref="EnglishMailTexts"/> and
/// <see cref="SpanishMailTexts"/>). <c>{0}</c>, <c>{1}</c> are the values each sentence names (company, user, …).
/// </summary>
internal sealed record MailTexts
{
    /// <summary>The language code, e.g. <c>en</c>.</summary>
    public required string Language { get; init; }

    public required string VerificationSubject { get; init; }

    public required string VerificationIntro { get; init; }

    public required string VerificationButton { get; init; }

    public required string VerificationIgnore { get; init; }

    public required string ResetSubject { get; init; }

    public required string ResetIntro { get; init; }

    public required string ResetButton { get; init; }

    public required string ResetSingleUse { get; init; }

    public required string ResetIgnore { get; init; }

    public required string FeedbackSubject { get; init; }

    public required string FeedbackIntro { get; init; }

    public required string FeedbackUser { get; init; }

    public required string FeedbackRating { get; init; }

    public required string FeedbackComment { get; init; }

    public required string FeedbackNoComment { get; init; }

    /// <summary>The greeting with a first name, e.g. <c>Hello {0},</c>.</summary>
    public required string GreetingByName { get; init; }

    /// <summary>The greeting without a name.</summary>
    public required string Greeting { get; init; }

    public required string LinkExpires { get; init; }

    public required string LinkFallback { get; init; }

    public required string Signature { get; init; }

    /// <summary>The units a link lifetime is told in: singular and plural of minute, hour and day.</summary>
    public required (string One, string Many) Minutes { get; init; }

    public required (string One, string Many) Hours { get; init; }

    public required (string One, string Many) Days { get; init; }

    /// <summary>The texts for <paramref name="language"/>: <c>es</c> (also <c>es_CL</c>, <c>es-ES</c>) is Spanish; anything else is English.</summary>
    public static MailTexts For(string? language)
        => string.Equals(language?.Split('_', '-')[0].Trim(), "es", StringComparison.OrdinalIgnoreCase)
            ? SpanishMailTexts.Texts
            : EnglishMailTexts.Texts;

    /// <summary>A link lifetime in words, in the largest whole unit: <c>5 hours</c>, <c>1 day</c>, <c>90 minutes</c>.</summary>
    public string Lifetime(TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var minutes = (long)Math.Ceiling(lifetime.TotalMinutes);
        var (count, unit) = minutes % (24 * 60) == 0 ? (minutes / (24 * 60), Days)
            : minutes % 60 == 0 ? (minutes / 60, Hours)
            : (minutes, Minutes);
        return string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? unit.One : unit.Many)}");
    }

    /// <summary>Fills a sentence's <c>{0}</c>, <c>{1}</c> with <paramref name="values"/>.</summary>
    public static string Fill(string sentence, params string[] values)
        => string.Format(CultureInfo.InvariantCulture, sentence, values);
}
