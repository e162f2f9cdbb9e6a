using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Assistant.Llm;

/// <summary>
/// The model a request may use: the company's <c>llm.model</c>, or one of its <c>llm.available_models</c>. The
/// request's <c>model</c> field is only a choice among those; what reaches the provider is always the configured
/// spelling, never the client's string (which could carry CR/LF, megabytes, or another tenant's expensive model).
/// </summary>
internal static class ModelChoice
{
    /// <summary>The configured model <paramref name="requested"/> names (case and surrounding spaces ignored), or the default when it is empty.</summary>
    /// <exception cref="IAToolkitException">Code <c>invalid_request</c>, naming the models allowed.</exception>
    public static string Resolve(Company company, string? requested)
    {
        var llm = company.Configuration.Llm;
        if (string.IsNullOrWhiteSpace(requested))
        {
            return llm.Model;
        }

        var wanted = requested.Trim();
        var allowed = Allowed(company);
        return allowed.FirstOrDefault(m => string.Equals(m, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new IAToolkitException(
                ErrorCodes.InvalidRequest,
                $"model must be one of this company's models: {string.Join(", ", allowed)} (or left out for {llm.Model}).");
    }

    /// <summary><c>llm.model</c> first, then <c>llm.available_models</c>, without repeats.</summary>
    public static IReadOnlyList<string> Allowed(Company company) => Allowed(company.Configuration.Llm);

    /// <inheritdoc cref="Allowed(Company)"/>
    public static IReadOnlyList<string> Allowed(LlmSettings llm)
        => [.. new[] { llm.Model }.Concat(llm.AvailableModels).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal)];
}
