using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Mail;

/// <summary>
/// Mails sent off the request path: the account pages answer at once, in the same time and with the same text
/// whether or not a mail goes out (so neither the text nor the timing tells who has an account), and a slow or
/// unreachable mail server never holds a request. <see cref="MailOutboxWorker"/> sends and retries. The queue is in
/// memory and bounded: a flood is dropped (and logged) rather than exhausting the host, and mails still queued when
/// the host stops are lost (the user asks for a new link).
/// </summary>
internal sealed partial class MailOutbox
{
    /// <summary>How many mails may wait at once.</summary>
    public const int Capacity = 1000;

    private readonly Channel<QueuedMail> _channel = Channel.CreateBounded<QueuedMail>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    private readonly ILogger<MailOutbox> _logger;

    public MailOutbox(ILogger<MailOutbox> logger) => _logger = logger;

    public ChannelReader<QueuedMail> Reader => _channel.Reader;

    /// <summary>Queues a mail; <see langword="false"/> (and a log entry) when the queue is full.</summary>
    public bool TryQueue(QueuedMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (_channel.Writer.TryWrite(mail))
        {
            return true;
        }

        OutboxFull(_logger, Capacity, mail.Kind, mail.Company.ShortName);
        return false;
    }

    [LoggerMessage(2311, LogLevel.Error, "The mail queue is full ({Capacity} waiting): the {Kind} e-mail of company {Company} was dropped")]
    private static partial void OutboxFull(ILogger logger, int capacity, string kind, string company);
}
