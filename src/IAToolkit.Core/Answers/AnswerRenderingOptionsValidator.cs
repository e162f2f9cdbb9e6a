using Microsoft.Extensions.Options;

namespace IAToolkit.Answers;

/// <summary>Validates <see cref="AnswerRenderingOptions"/> at start: an image host is a bare host name, not a URL; the render bound is sane.</summary>
internal sealed class AnswerRenderingOptionsValidator : IValidateOptions<AnswerRenderingOptions>
{
    public ValidateOptionsResult Validate(string? name, AnswerRenderingOptions options)
    {
        var failures = options.ImageHosts
            .Select((host, index) => (host, index))
            .Where(h => Uri.CheckHostName(h.host) is UriHostNameType.Unknown or UriHostNameType.Basic)
            .Select(h => $"{AnswerRenderingOptions.SectionName}:ImageHosts:{h.index} must be a host name such as static.acme.example (no scheme, path or port); it is '{h.host}'.")
            .ToList();
        if (options.MaxRenderedLength is < 1_000 or > 10_000_000)
        {
            failures.Add($"{AnswerRenderingOptions.SectionName}:MaxRenderedLength must be from 1000 to 10000000 characters; it is {options.MaxRenderedLength}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
