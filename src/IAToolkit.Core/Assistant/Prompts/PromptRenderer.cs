using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Fluid;
using Fluid.Values;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Assistant.Prompts;

/// <summary>
/// Renders a company's <c>prompts/&lt;name&gt;.prompt</c> (Liquid, which reads Jinja's <c>{{ var }}</c>,
/// <c>{% if %}</c> and <c>{% for %}</c> the same way) with the request's <c>client_data</c> and the user's profile.
/// A template is parsed once and parsed again when its file changes, so operators can fix a prompt in place.
/// </summary>
internal sealed class PromptRenderer
{
    private static readonly FluidParser s_parser = new(new FluidParserOptions { AllowParentheses = true });
    private static readonly TemplateOptions s_options = CreateOptions();
    private readonly ConcurrentDictionary<string, (DateTime Stamp, IFluidTemplate Template)> _templates = new(StringComparer.Ordinal);

    /// <summary>Renders the prompt; the text is what the model receives as the user's turn.</summary>
    /// <exception cref="IAToolkitException"><c>prompt_not_found</c> or <c>prompt_invalid</c>, with what to fix.</exception>
    public async Task<string> RenderAsync(Company company, string promptName, IReadOnlyDictionary<string, JsonElement> clientData, CompanyUserInfo user)
    {
        var prompt = company.Configuration.Prompts.FirstOrDefault(p => p.Name == promptName && p.Active)
            ?? throw new IAToolkitException(ErrorCodes.PromptNotFound, $"Company '{company.ShortName}' has no active prompt named '{promptName}'. GET /api/{company.ShortName}/prompts lists them.");
        var missing = prompt.CustomFields
            .Where(f => !clientData.TryGetValue(f.DataKey, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
            .Select(f => $"{f.DataKey} ({f.Label})")
            .ToList();
        if (missing.Count > 0)
        {
            throw new IAToolkitException(ErrorCodes.PromptInvalid, $"The prompt '{promptName}' needs client_data values for: {string.Join(", ", missing)}.");
        }

        var template = Template(company, prompt);
        var context = new TemplateContext(s_options);
        foreach (var (name, value) in Variables(company, promptName, clientData, user))
        {
            context.SetValue(name, value);
        }

        try
        {
            return await template.RenderAsync(context);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new IAToolkitException(ErrorCodes.PromptInvalid, $"{prompt.TemplatePath} of '{company.ShortName}' could not be rendered: {ex.Message}", ex);
        }
    }

    private IFluidTemplate Template(Company company, PromptDefinition prompt)
    {
        var path = Path.Combine(company.Folder, "prompts", prompt.Name + ".prompt");
        var stamp = File.Exists(path)
            ? File.GetLastWriteTimeUtc(path)
            : throw new IAToolkitException(ErrorCodes.PromptNotFound, $"The file {prompt.TemplatePath} of '{company.ShortName}' is missing.");
        var key = $"{company.ShortName}/{prompt.Name}";
        if (_templates.TryGetValue(key, out var cached) && cached.Stamp == stamp)
        {
            return cached.Template;
        }

        if (!s_parser.TryParse(File.ReadAllText(path), out var template, out var error))
        {
            throw new IAToolkitException(ErrorCodes.PromptInvalid, $"{prompt.TemplatePath} of '{company.ShortName}' is not a valid template: {error}");
        }

        _templates[key] = (stamp, template);
        return template;
    }

    private static IEnumerable<(string Name, object? Value)> Variables(Company company, string promptName, IReadOnlyDictionary<string, JsonElement> clientData, CompanyUserInfo user)
    {
        yield return ("company_short_name", company.ShortName);
        yield return ("company_name", company.Configuration.Name);
        yield return ("user_identifier", user.UserIdentifier);
        yield return ("user_email", user.Email);
        yield return ("user_fullname", user.FullName);
        yield return ("extras", user.Extras);
        foreach (var (name, value) in user.Extras)
        {
            yield return (name, value);
        }

        var data = clientData.ToDictionary(kv => kv.Key, kv => JsonValues.ToPlain(kv.Value), StringComparer.Ordinal);
        yield return ("client_data", data);
        foreach (var (name, value) in data)
        {
            yield return (name, value);
        }

        // The Python project passes the request as JSON under "question".
        yield return ("question", JsonSerializer.Serialize(new { prompt = promptName, data = clientData }));
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { CultureInfo = CultureInfo.InvariantCulture, MaxSteps = 100_000 };
        options.MemberAccessStrategy = new UnsafeMemberAccessStrategy();

        // Jinja's names for the filters Liquid spells differently.
        options.Filters.AddFilter("upper", (input, _, _) => new StringValue(input.ToStringValue().ToUpperInvariant()));
        options.Filters.AddFilter("lower", (input, _, _) => new StringValue(input.ToStringValue().ToLowerInvariant()));
        options.Filters.AddFilter("trim", (input, _, _) => new StringValue(input.ToStringValue().Trim()));
        options.Filters.AddFilter("length", (input, _, _) => NumberValue.Create(input.Enumerate(new TemplateContext()).Count()));
        options.Filters.AddFilter("title", (input, _, _) => new StringValue(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(input.ToStringValue())));
        return options;
    }
}
