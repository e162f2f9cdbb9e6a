using System.Globalization;
using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Mail;
using IAToolkit.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// <c>iat_send_email</c>: sends an e-mail through the company's mail provider, within its <c>mail_provider.tool</c>
/// policy (recipients, caps, send rates per user and per company). A refused call sends nothing and tells the model
/// why; it is logged and recorded with the query.
/// </summary>
internal sealed class SendEmailTool : AssistantTool
{
    private static readonly TimeSpan s_window = TimeSpan.FromHours(1);

    private static readonly JsonElement s_schema = Schema("""
        {"type":"object","properties":{
          "to":{"type":"array","items":{"type":"string"},"description":"Recipient e-mail addresses, one per item, plain (name@example.com). Only the user's own address and the company's domains are accepted unless the company allows more."},
          "subject":{"type":"string","description":"One line."},
          "body":{"type":"string","description":"The message, in Markdown."}},
         "required":["to","subject","body"],"additionalProperties":false}
        """);

    public SendEmailTool(ToolRun run)
        : base(run)
    {
    }

    public override string Name => "iat_send_email";

    public override string Description => "Sends an e-mail from the company's assistant address. Use only when the user asks to send one.";

    public override JsonElement JsonSchema => s_schema;

    protected override async Task<object?> ExecuteAsync(JsonElement arguments, CancellationToken cancellationToken)
    {
        var company = Run.Company;
        var settings = company.Configuration.Mail?.Tool ?? new MailToolSettings();
        var logger = Run.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SendEmailTool>();
        (IReadOnlyList<string> To, string Subject, string Body) mail;
        try
        {
            mail = SendEmailPolicy.Check(arguments, settings, Run.User);
            await TakeSendSlotAsync(settings, logger);
        }
        catch (SendEmailRefusal refusal)
        {
            SendEmailLog.Refused(logger, company.ShortName, Run.User.UserIdentifier, refusal.Rule);
            throw;
        }

        var renderer = Run.Services.GetRequiredService<Answers.AnswerRenderer>();
        var message = new MailMessageSpec
        {
            To = mail.To,
            Subject = mail.Subject,
            HtmlBody = renderer.ToSafeHtml(mail.Body),
            TextBody = mail.Body,
        };
        await Run.Services.GetRequiredService<IMailService>().SendAsync(company, message, cancellationToken);
        return new { sent = true, to = mail.To };
    }

    protected override object ErrorResult(IAToolkitException exception)
        => exception is SendEmailRefusal { RetryAfter: { } wait }
            ? new { error = exception.Message, code = exception.Code, retry_after_seconds = (long)Math.Ceiling(wait.TotalSeconds) }
            : new { error = exception.Message, code = exception.Code };

    // Counted against the user and the company at once, in Redis, so the limits hold across hosts. Without Redis
    // nothing is sent: an unchecked mail tool is the spam relay this guards against.
    private async Task TakeSendSlotAsync(MailToolSettings settings, ILogger logger)
    {
        var company = Run.Company.ShortName;
        (TimeSpan RetryAfter, int Quota)? refused;
        try
        {
            refused = await Run.Services.GetRequiredService<RedisSlidingWindowLimiter>().TryAcquireAsync(
                "send_email",
                [($"user:{company}:{Run.User.UserIdentifier}", settings.PerUserPerHour), ($"company:{company}", settings.PerCompanyPerHour)],
                s_window);
        }
        catch (RedisException ex)
        {
            SendEmailLog.RateUnchecked(logger, ex, company);
            throw new IAToolkitException(ErrorCodes.MailFailed, "The mail was not sent: its send rate cannot be checked right now. Try again in a few minutes.");
        }

        if (refused is not { } over)
        {
            return;
        }

        var (rule, limit) = over.Quota == 0 ? ("user_rate", $"{settings.PerUserPerHour} mails an hour for this user") : ("company_rate", $"{settings.PerCompanyPerHour} mails an hour for this company");
        var retry = DateTimeOffset.UtcNow + over.RetryAfter;
        throw new SendEmailRefusal(
            ErrorCodes.RateLimited,
            rule,
            string.Create(CultureInfo.InvariantCulture, $"The mail was not sent: the assistant may send at most {limit}. Try again in {Math.Ceiling(over.RetryAfter.TotalMinutes):0} minutes (after {retry:HH:mm} UTC)."),
            over.RetryAfter);
    }
}
