using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace IAToolkit.Testing;

/// <summary>Writes a test host's warnings and errors (with exceptions) to the test's output, where a failing test shows them.</summary>
public sealed class TestOutputLoggerProvider : ILoggerProvider
{
    /// <summary>Creates a logger for a category.</summary>
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(categoryName);

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }

    private sealed class TestOutputLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                TestContext.Out.WriteLine($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? string.Empty : Environment.NewLine + exception)}");
            }
        }
    }
}
