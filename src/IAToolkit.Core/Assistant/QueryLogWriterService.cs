using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Assistant;

/// <summary>
/// Runs the <see cref="QueryLogWriter"/> in every host: every flush interval (or at once when a full batch waits), and
/// a last time when the host stops, so a graceful stop leaves nothing behind. A CLI verb never starts it (verbs do not
/// run hosted services); the rows a verb might queue are written by any server host.
/// </summary>
internal sealed partial class QueryLogWriterService : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan s_redisRetry = TimeSpan.FromSeconds(2);

    private readonly QueryLogWriter _writer;
    private readonly QueryLogQueue _queue;
    private readonly IOptions<QueryLogOptions> _options;
    private readonly ILogger<QueryLogWriterService> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public QueryLogWriterService(QueryLogWriter writer, QueryLogQueue queue, IOptions<QueryLogOptions> options, ILogger<QueryLogWriterService> logger)
    {
        _writer = writer;
        _queue = queue;
        _options = options;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops the loop (a batch being written is finished first), then writes everything still waiting.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Once: a host may be stopped again on its way to being disposed.
        var loop = Interlocked.Exchange(ref _loop, null);
        if (loop is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await loop.WaitAsync(cancellationToken);

            // Once, without retries: PostgreSQL down now must not hold the host up; the rows stay in Redis for the next writer.
            await _writer.DrainAsync(retry: false, cancellationToken);
        }
        catch (Exception ex)
        {
            LeftQueued(_logger, ex);
        }
    }

    /// <summary>Ends the loop of a host disposed without being stopped (the rows stay in Redis for the next writer).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _loop, null) is { } loop)
        {
            await _stopping.CancelAsync();
            await loop;
        }

        _stopping.Dispose();
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        var interval = _options.Value.FlushInterval;
        var redisFailing = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _queue.WaitAsync(interval, stopping);
                await _writer.DrainAsync(retry: true, stopping);
                if (redisFailing)
                {
                    redisFailing = false;
                    RedisBack(_logger);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Redis unreachable (the rows are where it is; nothing to do but wait), or a bug: never end the loop.
                if (!redisFailing)
                {
                    redisFailing = true;
                    RedisUnavailable(_logger, ex.Message, ex);
                }

                try
                {
                    await Task.Delay(s_redisRetry, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(2904, LogLevel.Warning, "The query log writer cannot read its queue in Redis; it tries again every few seconds: {Reason}")]
    private static partial void RedisUnavailable(ILogger logger, string reason, Exception exception);

    [LoggerMessage(2909, LogLevel.Information, "The query log writer reads its queue in Redis again")]
    private static partial void RedisBack(ILogger logger);

    [LoggerMessage(2906, LogLevel.Warning, "The host stopped before the query log was written; the rows left wait in Redis for the next writer of any host")]
    private static partial void LeftQueued(ILogger logger, Exception exception);
}
