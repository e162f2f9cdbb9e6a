using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.AI;

namespace IAToolkit.Assistant.Llm;

/// <summary>
/// The reasoning effort of one question: the request's <c>reasoning_effort</c>, else the prompt's
/// <c>llm_request_options.reasoning_effort</c>, else <c>llm.reasoning_effort</c>; none when nobody says.
/// </summary>
internal static class ReasoningChoice
{
    /// <summary>The level a request names (case and spaces ignored), or <see langword="null"/> when it names none.</summary>
    /// <exception cref="IAToolkitException">Code <c>invalid_request</c>, naming the allowed values.</exception>
    public static ReasoningLevel? Parse(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }

        // The spellings company.yaml accepts, so a request and a file agree.
        var levels = ConfigurationEnums.ReasoningLevels;
        return levels.Find(requested)
            ?? throw new IAToolkitException(ErrorCodes.InvalidRequest, $"reasoning_effort must be one of {levels.Allowed}.");
    }

    /// <summary>
    /// As Microsoft.Extensions.AI says it. It has no "minimal": low is the nearest level every provider's client
    /// understands.
    /// </summary>
    public static ReasoningOptions? ToOptions(ReasoningLevel? level) => level switch
    {
        null => null,
        ReasoningLevel.Minimal or ReasoningLevel.Low => new ReasoningOptions { Effort = ReasoningEffort.Low },
        ReasoningLevel.Medium => new ReasoningOptions { Effort = ReasoningEffort.Medium },
        ReasoningLevel.High => new ReasoningOptions { Effort = ReasoningEffort.High },
        _ => new ReasoningOptions { Effort = ReasoningEffort.ExtraHigh },
    };
}
