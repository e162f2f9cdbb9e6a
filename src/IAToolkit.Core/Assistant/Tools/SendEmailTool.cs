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
internal sealed class SendEmailTool : AssistantTool<SendEmailArguments>
{
    private static readonly TimeSpan s_window = TimeSpan.FromHours(1);

    public override string Name => "iat_send_email";

    public override string Description => "Sends an e-mail from the company's assistant address. Use only when the user asks to send one.";

    public override async Task<object?> InvokeAsync(SendEmailArguments arguments, AssistantToolContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var company = run.Company;
        var settings = company.Configuration.Mail?.Tool ?? new MailToolSettings();
        var logger = Logger(run);
        try
        {
            await TakeSendSlotAsync(run, settings, logger);
        }
        catch (SendEmailRefusal refusal)
        {
            SendEmailLog.Refused(logger, company.ShortName, run.User.UserIdentifier, refusal.Rule);
            throw;
        }

        var renderer = run.Services.GetRequiredService<Answers.AnswerRenderer>();
        var message = new MailMessageSpec
        {
            To = arguments.To,
            Subject = arguments.Subject,
            HtmlBody = renderer.ToSafeHtml(arguments.Body),
            TextBody = arguments.Body,
        };
        await run.Services.GetRequiredService<IMailService>().SendAsync(company, message, cancellationToken);
        return new { sent = true, to = arguments.To };
    }

    internal override bool AppliesTo(Company company) => company.Configuration.Mail is not null;

    // The model's arguments go through the recipient policy, which gives the model a precise reason for each refusal
    // (a lone address in 'to' is accepted, as it always was), instead of the generic binder.
    internal override SendEmailArguments Bind(JsonElement arguments, ToolRun run)
    {
        try
        {
            var (to, subject, body) = SendEmailPolicy.Check(arguments, run.Company.Configuration.Mail?.Tool ?? new MailToolSettings(), run.User);
            return new SendEmailArguments(to, subject, body);
        }
        catch (SendEmailRefusal refusal)
        {
            SendEmailLog.Refused(Logger(run), run.Company.ShortName, run.User.UserIdentifier, refusal.Rule);
            throw;
        }
    }

    internal override object ErrorResult(IAToolkitException exception, ToolRun run)
        => exception is SendEmailRefusal { RetryAfter: { } wait }
            ? new { error = exception.Message, code = exception.Code, retry_after_seconds = (long)Math.Ceiling(wait.TotalSeconds) }
            : new { error = exception.Message, code = exception.Code };

    private static ILogger Logger(ToolRun run) => run.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SendEmailTool>();

    // Counted against the user and the company at once, in Redis, so the limits hold across hosts. Without Redis
    // nothing is sent: an unchecked mail tool is the spam relay this guards against.
    private static async Task TakeSendSlotAsync(ToolRun run, MailToolSettings settings, ILogger logger)
    {
        var company = run.Company.ShortName;
        (TimeSpan RetryAfter, int Quota)? refused;
        try
        {
            refused = await run.Services.GetRequiredService<RedisSlidingWindowLimiter>().TryAcquireAsync(
                "send_email",
                [($"user:{company}:{run.User.UserIdentifier}", settings.PerUserPerHour), ($"company:{company}", settings.PerCompanyPerHour)],
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
