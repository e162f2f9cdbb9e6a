using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using IAToolkit.Companies;
using IAToolkit.SqlSources;
using Microsoft.Extensions.Options;

namespace IAToolkit.Assistant.Context;

/// <summary>
/// Builds the system context in a fixed order: the framework's instructions (en/es), the company's
/// <c>context/*.md</c>, its data sources (live schema honoring company.yaml's rules) and its <c>schema/*.yaml</c>
/// objects; then, separately, the user. The company part is the same for every user and every turn, byte for byte,
/// so provider prompt caches hit; it is rebuilt after a short time so that edited files are picked up.
/// </summary>
internal sealed class ContextBuilder
{
    private readonly SqlSchemaDescriber _describer;
    private readonly IOptions<AssistantOptions> _options;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Built, string Text)> _prefixes = new(StringComparer.Ordinal);

    public ContextBuilder(SqlSchemaDescriber describer, IOptions<AssistantOptions> options)
    {
        _describer = describer;
        _options = options;
    }

    /// <summary>The company's part of the context.</summary>
    public async Task<string> CompanyPrefixAsync(Company company, CancellationToken cancellationToken)
    {
        if (_prefixes.TryGetValue(company.ShortName, out var cached) && DateTimeOffset.UtcNow - cached.Built < _options.Value.ContextCacheLifetime)
        {
            return cached.Text;
        }

        var text = await BuildAsync(company, cancellationToken);
        _prefixes[company.ShortName] = (DateTimeOffset.UtcNow, text);
        return text;
    }

    /// <summary>The user's part: who is asking, and today's date (which changes daily, so it stays out of the prefix).</summary>
    public static string DescribeUser(CompanyUserInfo user)
    {
        var text = new StringBuilder("# The user\n");
        text.Append("- identifier: ").Append(user.UserIdentifier).Append('\n');
        if (!string.IsNullOrWhiteSpace(user.FullName))
        {
            text.Append("- name: ").Append(user.FullName).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(user.Email))
        {
            text.Append("- e-mail: ").Append(user.Email).Append('\n');
        }

        foreach (var (key, value) in user.Extras.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append("- ").Append(key).Append(": ").Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("\nToday is ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd (dddd)", CultureInfo.InvariantCulture)).Append('.');
        return text.ToString();
    }

    private async Task<string> BuildAsync(Company company, CancellationToken cancellationToken)
    {
        var configuration = company.Configuration;
        var text = new StringBuilder(Instructions(configuration.Language).Replace("{company_name}", configuration.Name, StringComparison.Ordinal));
        var contexts = configuration.ContextFiles.Select(f => File.ReadAllText(Path.Combine(company.Folder, f)).Trim()).Where(t => t.Length > 0).ToList();
        if (contexts.Count > 0)
        {
            text.Append("\n\n# About ").Append(configuration.Name).Append("\n\n").AppendJoin("\n\n", contexts);
        }

        foreach (var source in configuration.SqlDataSources)
        {
            text.Append("\n\n").Append((await _describer.DescribeAsync(company, source, cancellationToken)).Trim());
        }

        var schemas = new List<string>();
        // Table files (<database>-<table>.yaml) are already part of their database's description.
        foreach (var file in configuration.SchemaFiles.Where(f => f.Table is null))
        {
            var rendered = (await SchemaYamlRenderer.RenderAsync(company, file, cancellationToken)).Trim();
            if (rendered.Length > 0)
            {
                schemas.Add(rendered);
            }
        }

        if (schemas.Count > 0)
        {
            text.Append("\n\n# Objects\n\n").AppendJoin("\n\n", schemas);
        }

        return text.ToString();
    }

    private static string Instructions(string language)
    {
        // Not "system.en.md": MSBuild would read ".en" as a culture and move the file into a satellite assembly.
        var name = $"IAToolkit.SystemPrompts.system_{(language == "es" ? "es" : "en")}.md";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }
}
