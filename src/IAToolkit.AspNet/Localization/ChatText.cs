namespace IAToolkit.AspNet.Localization;

/// <summary>
/// Every text of the chat page in one language. The page renders some of them; the script reads all of them from a
/// JSON data block of the page (camelCase property names), so that no text lives in the script.
/// </summary>
/// <remarks>Each property is the text its name says; they are documented by their values in <c>ChatTexts</c>.</remarks>
#pragma warning disable CS1591
internal sealed record ChatText
{
    public required string Title { get; init; }
    public required string SignedInAs { get; init; }
    public required string Logout { get; init; }
    public required string Toolbar { get; init; }
    public required string NewConversation { get; init; }
    public required string Prompts { get; init; }
    public required string History { get; init; }
    public required string Help { get; init; }
    public required string Close { get; init; }
    public required string Conversation { get; init; }
    public required string EmptyTitle { get; init; }
    public required string EmptyText { get; init; }
    public required string QuestionLabel { get; init; }
    public required string QuestionPlaceholder { get; init; }
    public required string ComposerHint { get; init; }
    public required string Send { get; init; }
    public required string Stop { get; init; }
    public required string Attach { get; init; }
    public required string AttachLimits { get; init; }
    public required string Model { get; init; }
    public required string You { get; init; }
    public required string Assistant { get; init; }

    public required string Thinking { get; init; }
    public required string ToolSql { get; init; }
    public required string ToolSqlAny { get; init; }
    public required string ToolDocuments { get; init; }
    public required string ToolOther { get; init; }
    public required string Stopped { get; init; }
    public required string Copy { get; init; }
    public required string Copied { get; init; }
    public required string Feedback { get; init; }
    public required string Edit { get; init; }
    public required string Sources { get; init; }
    public required string SourcePage { get; init; }
    public required string Download { get; init; }
    public required string ConversationStarted { get; init; }

    public required string ErrorUnavailable { get; init; }
    public required string ErrorTimeout { get; init; }
    public required string ErrorRateLimit { get; init; }
    public required string ErrorRateLimitNoWait { get; init; }
    public required string ErrorInvalid { get; init; }
    public required string ErrorGeneric { get; init; }
    public required string ErrorNetwork { get; init; }
    public required string ErrorSession { get; init; }
    public required string ErrorInterrupted { get; init; }

    public required string PromptsTitle { get; init; }
    public required string PromptsEmpty { get; init; }
    public required string PromptRun { get; init; }
    public required string PromptBack { get; init; }
    public required string FieldRequired { get; init; }
    public required string FieldInvalid { get; init; }

    public required string HistoryTitle { get; init; }
    public required string HistorySearch { get; init; }
    public required string HistoryEmpty { get; init; }
    public required string HistoryNoMatch { get; init; }
    public required string HistoryReuse { get; init; }

    public required string HelpTitle { get; init; }
    public required string HelpExamples { get; init; }
    public required string HelpSources { get; init; }
    public required string HelpPractices { get; init; }
    public required string HelpCanDo { get; init; }
    public required string HelpCannotDo { get; init; }
    public required string HelpEmpty { get; init; }
    public required string HelpExample { get; init; }

    public required string OnboardingTitle { get; init; }
    public required string OnboardingPreparing { get; init; }
    public required string OnboardingReady { get; init; }
    public required string OnboardingStart { get; init; }
    public required string OnboardingTry { get; init; }

    public required string FeedbackTitle { get; init; }
    public required string FeedbackRating { get; init; }
    public required string FeedbackStar { get; init; }
    public required string FeedbackComment { get; init; }
    public required string FeedbackSend { get; init; }
    public required string FeedbackCancel { get; init; }
    public required string FeedbackThanks { get; init; }
    public required string FeedbackFailed { get; init; }
    public required string FeedbackNeedsRating { get; init; }
    public required string FeedbackNeedsComment { get; init; }

    public required string FileUploading { get; init; }
    public required string FileRemove { get; init; }
    public required string FileTooLarge { get; init; }
    public required string FileType { get; init; }
    public required string FileTooMany { get; init; }
    public required string FileFailed { get; init; }
}
#pragma warning restore CS1591
