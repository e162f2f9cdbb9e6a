namespace IAToolkit;

/// <summary>Too many requests from one client; the web layer answers 429 with a Retry-After header.</summary>
internal sealed class RateLimitedException : IAToolkitException
{
    /// <summary>Creates the exception.</summary>
    public RateLimitedException(TimeSpan retryAfter)
        : base(ErrorCodes.RateLimited, $"Too many requests; retry in {Math.Ceiling(retryAfter.TotalSeconds)} s.")
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception with a message that says which limit was reached.</summary>
    public RateLimitedException(TimeSpan retryAfter, string message)
        : base(ErrorCodes.RateLimited, message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the client should wait.</summary>
    public TimeSpan RetryAfter { get; }
}
