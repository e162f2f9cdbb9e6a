using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Mail;

/// <summary>Sends the mails of the <see cref="MailOutbox"/>, a few at a time, retrying a failed one later.</summary>
internal sealed partial class MailOutboxWorker : BackgroundService
{
    // A few in parallel, so that one slow company's mail server does not hold everyone else's mail.
    private const int Senders = 4;

    // The waits before the second, third and fourth attempt.
    private static readonly TimeSpan[] s_retryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    private readonly MailOutbox _outbox;
    private readonly IMailService _mail;
    private readonly ILogger<MailOutboxWorker> _logger;

    public MailOutboxWorker(MailOutbox outbox, IMailService mail, ILogger<MailOutboxWorker> logger)
    {
        _outbox = outbox;
        _mail = mail;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(() => SendLoopAsync(stoppingToken), CancellationToken.None)));

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var mail in _outbox.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(mail, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task SendAsync(QueuedMail mail, CancellationToken stoppingToken)
    {
        try
        {
            await _mail.SendAsync(mail.Company, mail.Message, stoppingToken);
        }
        catch (IAToolkitException ex)
        {
            if (mail.Attempt >= s_retryDelays.Length)
            {
                GaveUp(_logger, mail.Kind, mail.Company.ShortName, mail.Attempt + 1, ex.Message);
                return;
            }

            var delay = s_retryDelays[mail.Attempt];
            WillRetry(_logger, mail.Kind, mail.Company.ShortName, delay.TotalSeconds, ex.Message);
            _ = RetryLaterAsync(mail with { Attempt = mail.Attempt + 1 }, delay, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A transport bug must not stop the senders; this mail is lost and said so.
            GaveUp(_logger, mail.Kind, mail.Company.ShortName, mail.Attempt + 1, ex.GetType().Name);
        }
    }

    private async Task RetryLaterAsync(QueuedMail mail, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            _outbox.TryQueue(mail);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping; the mail is lost, as the class says.
        }
    }

    [LoggerMessage(2312, LogLevel.Warning, "The {Kind} e-mail of company {Company} was not sent; trying again in {Seconds} s: {Reason}")]
    private static partial void WillRetry(ILogger logger, string kind, string company, double seconds, string reason);

    [LoggerMessage(2313, LogLevel.Error, "The {Kind} e-mail of company {Company} was not sent after {Attempts} attempts and was dropped: {Reason}")]
    private static partial void GaveUp(ILogger logger, string kind, string company, int attempts, string reason);
}
