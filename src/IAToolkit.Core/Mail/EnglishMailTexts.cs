namespace IAToolkit.Mail;

/// <summary>The framework's mails in English.</summary>
internal static class EnglishMailTexts
{
    public static readonly MailTexts Texts = new()
    {
        Language = "en",
        VerificationSubject = "{0}: confirm your e-mail address",
        VerificationIntro = "Thank you for signing up to {0}. Confirm your e-mail address to activate your account.",
        VerificationButton = "Verify my account",
        VerificationIgnore = "If you did not sign up, you can ignore this e-mail.",
        ResetSubject = "{0}: reset your password",
        ResetIntro = "We received a request to reset the password of your {0} account.",
        ResetButton = "Choose a new password",
        ResetSingleUse = "The link can be used once.",
        ResetIgnore = "If you did not ask for this, ignore this e-mail: your password stays as it is.",
        FeedbackSubject = "{0}: new feedback from {1}",
        FeedbackIntro = "A user left feedback on the {0} assistant.",
        FeedbackUser = "User",
        FeedbackRating = "Rating",
        FeedbackComment = "Comment",
        FeedbackNoComment = "(no comment)",
        GreetingByName = "Hello {0},",
        Greeting = "Hello,",
        LinkExpires = "The link expires in {0}.",
        LinkFallback = "If the button does not work, copy this address into your browser:",
        Signature = "The {0} team",
        Minutes = ("minute", "minutes"),
        Hours = ("hour", "hours"),
        Days = ("day", "days"),
    };
}
