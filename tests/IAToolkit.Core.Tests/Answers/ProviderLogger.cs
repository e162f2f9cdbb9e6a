using Microsoft.Extensions.Logging;

namespace IAToolkit.Core.Tests.Answers;

/// <summary>An <see cref="ILogger{T}"/> that writes to one provider, for classes built by hand in tests.</summary>
internal sealed class ProviderLogger<T>(ILoggerProvider provider) : ILogger<T>
{
    private readonly ILogger _inner = provider.CreateLogger(typeof(T).FullName!);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => _inner.Log(logLevel, eventId, state, exception, formatter);
}
