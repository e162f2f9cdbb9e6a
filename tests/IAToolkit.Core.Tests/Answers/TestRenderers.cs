using IAToolkit.Answers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IAToolkit.Core.Tests.Answers;

internal static class TestRenderers
{
    /// <summary>A renderer allowing images from <paramref name="imageHosts"/>, logging to <paramref name="logs"/> when given.</summary>
    public static AnswerRenderer Create(ILoggerProvider? logs = null, params string[] imageHosts)
    {
        var options = new AnswerRenderingOptions();
        foreach (var host in imageHosts)
        {
            options.ImageHosts.Add(host);
        }

        ILogger<AnswerRenderer> logger = logs is null ? NullLogger<AnswerRenderer>.Instance : new ProviderLogger<AnswerRenderer>(logs);
        return new AnswerRenderer(Options.Create(options), logger);
    }
}
