using IAToolkit.Answers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Answers;

internal static class TestRenderers
{
    /// <summary>A renderer allowing images from <paramref name="imageHosts"/>, logging to <paramref name="logs"/> when given.</summary>
    public static AnswerRenderer Create(ILoggerProvider? logs = null, params string[] imageHosts)
        => Create(logs, 100_000, imageHosts);

    /// <summary>A renderer that renders answers up to <paramref name="maxRenderedLength"/> characters.</summary>
    public static AnswerRenderer Create(ILoggerProvider? logs, int maxRenderedLength, params string[] imageHosts)
    {
        var options = new AnswerRenderingOptions { MaxRenderedLength = maxRenderedLength };
        foreach (var host in imageHosts)
        {
            options.ImageHosts.Add(host);
        }

        ILogger<AnswerRenderer> logger = logs is null ? NullLogger<AnswerRenderer>.Instance : new ProviderLogger<AnswerRenderer>(logs);
        return new AnswerRenderer(Options.Create(options), logger);
    }
}
