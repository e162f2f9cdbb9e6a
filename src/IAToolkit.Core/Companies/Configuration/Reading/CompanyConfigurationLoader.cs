using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>
/// Reads and validates a company folder (company.yaml, help files, context, schema, prompts), collecting every
/// problem rather than stopping at the first: errors stop the company from loading, warnings (unknown keys,
/// variables that are not set) do not.
/// </summary>
internal sealed class CompanyConfigurationLoader
{
    private const string CompanyFile = "config/company.yaml";
    private readonly CompanySecrets _secrets;

    public CompanyConfigurationLoader(IConfiguration configuration) => _secrets = new CompanySecrets(configuration);

    /// <summary>Loads <paramref name="folder"/>; problems name files relative to <paramref name="displayFolder"/>.</summary>
    /// <param name="expectedId">The short name the company is registered with; company.yaml's <c>id</c> must equal it.</param>
    /// <param name="folder">The absolute path of the company folder.</param>
    /// <param name="displayFolder">How the folder is shown in messages, e.g. <c>companies/acme</c>.</param>
    public CompanyLoadResult Load(string expectedId, string folder, string displayFolder)
    {
        var log = new FolderProblems();
        var context = new LoadContext(folder, displayFolder.TrimEnd('/', '\\'), log);
        var problems = log.For(context.Display(CompanyFile));
        CompanyConfiguration? configuration = null;
        if (!File.Exists(context.PathOf(CompanyFile)))
        {
            problems.Error(string.Empty, "is missing", null);
        }
        else if (YamlFileReader.ReadRoot(context.PathOf(CompanyFile), problems) is { } root)
        {
            configuration = ReadRoot(root, expectedId, context, problems);
        }

        // The rest of the folder is checked even when company.yaml is broken, so that one run shows everything.
        var contextFiles = FolderContentReader.ContextFiles(context);
        var schemaFiles = FolderContentReader.SchemaFiles(context, [.. configuration?.SqlDataSources.Select(s => s.Database) ?? []]);
        var promptFiles = FolderContentReader.PromptFiles(context);
        log.ReportUnknownKeys();
        log.ReportUnsetVariables(_secrets);
        configuration = configuration is null ? null : configuration with
        {
            ContextFiles = contextFiles,
            SchemaFiles = schemaFiles,
            PromptFiles = promptFiles,
        };
        return new CompanyLoadResult(configuration, log.InFileOrder());
    }

    private static CompanyConfiguration? ReadRoot(YamlNode root, string expectedId, LoadContext context, ProblemCollector problems)
    {
        if (root is not YamlMappingNode mapping)
        {
            problems.Error(string.Empty, $"must be a mapping of keys (id, name, llm, …), not {YamlNodeKinds.Describe(root)}", ProblemCollector.LineOf(root));
            return null;
        }

        return CompanyReader.Read(new YamlSection(mapping, string.Empty, problems), expectedId, context);
    }
}
