namespace IAToolkit.Assistant.Tools;

/// <summary>
/// Why <c>iat_send_email</c> did not send: the model reads the message (and when to retry), the log the rule.
/// </summary>
internal sealed class SendEmailRefusal : IAToolkitException
{
    public SendEmailRefusal(string code, string rule, string message, TimeSpan? retryAfter = null)
        : base(code, message)
    {
        Rule = rule;
        RetryAfter = retryAfter;
    }

    /// <summary>A short name for the log, e.g. <c>recipient_not_allowed</c>.</summary>
    public string Rule { get; }

    /// <summary>For a send rate: when a mail may be sent again.</summary>
    public TimeSpan? RetryAfter { get; }
}
