using System.CommandLine;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.SqlSources;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.Cli.Verbs;

/// <summary>
/// <c>check-config [--path companies/x]</c>: validates company folders and prints every problem, then checks the role
/// of every SQL source the SQL tool would use: a privileged role (superuser, pg_read_server_files, …) or the core
/// database's user is an error; a source that is not set or cannot be reached is a warning.
/// </summary>
internal sealed class CheckConfigVerb : Verb
{
    private readonly IServiceProvider _services;
    private readonly Option<string?> _path = new("--path") { Description = "A company folder to check, e.g. companies/acme (default: every registered company)." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as JSON." };

    public CheckConfigVerb(IServiceProvider services) => _services = services;

    public override string Name => "check-config";

    public override Command Build()
    {
        var command = new Command(Name, "Validate company folders (company.yaml, prompts, help files) and print every error; exit code 1 when any is invalid.")
        {
            _path,
            _json,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var checker = _services.GetRequiredService<CompanyFolderChecker>();
        var path = parse.GetValue(_path);
        IReadOnlyList<CompanyFolderCheck> checks = path is null
            ? checker.CheckRegistered()
            : [checker.Check(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))), CompanyFolderLocator.FromPath(path))];
        checks = await WithSqlSourceChecksAsync(checks, cancellationToken);

        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            await VerbJson.WriteAsync(parse, new { companies = checks.Select(ToJson) });
        }
        else
        {
            await WriteTextAsync(output, checks);
        }

        return checks.Any(c => c.Result.HasErrors) ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>Adds the verdict on each SQL source's role to the company's problems.</summary>
    private async Task<IReadOnlyList<CompanyFolderCheck>> WithSqlSourceChecksAsync(IReadOnlyList<CompanyFolderCheck> checks, CancellationToken cancellationToken)
    {
        var connections = _services.GetRequiredService<SqlSourceConnections>();
        connections.ReportOptOut();
        var result = new List<CompanyFolderCheck>(checks.Count);
        foreach (var check in checks)
        {
            var configuration = check.Result.Configuration;
            if (configuration is null || configuration.SqlDataSources.Count == 0)
            {
                result.Add(check);
                continue;
            }

            var problems = check.Result.Problems.ToList();
            foreach (var source in configuration.SqlDataSources)
            {
                var status = await connections.VerifyAsync(check.ShortName, source, cancellationToken);
                var severity = status.State switch
                {
                    SqlSourceState.Refused => ProblemSeverity.Error,
                    SqlSourceState.LeastPrivilege => (ProblemSeverity?)null,
                    _ => ProblemSeverity.Warning,
                };
                if (severity is { } level)
                {
                    problems.Add(new ConfigurationProblem(level, source.ConnectionString.File, source.ConnectionString.KeyPath, $"({source.Database}): {status.Message}"));
                }
            }

            result.Add(check with { Result = new CompanyLoadResult(configuration, problems) });
        }

        return result;
    }

    private static async Task WriteTextAsync(TextWriter output, IReadOnlyList<CompanyFolderCheck> checks)
    {
        if (checks.Count == 0)
        {
            await output.WriteLineAsync("No company is registered; pass --path companies/<name> to check a folder.");
            return;
        }

        foreach (var check in checks)
        {
            var errors = check.Result.Errors.Count();
            var warnings = check.Result.Warnings.Count();
            var verdict = errors == 0 ? "OK" : $"INVALID, {errors} error(s)";
            await output.WriteLineAsync($"{check.Folder.DisplayPath}: {verdict}{(warnings > 0 ? $", {warnings} warning(s)" : string.Empty)}");
            foreach (var problem in check.Result.Problems)
            {
                await output.WriteLineAsync($"  {(problem.Severity == ProblemSeverity.Error ? "error" : "warning")}: {problem}");
            }
        }
    }

    private static object ToJson(CompanyFolderCheck check) => new
    {
        short_name = check.ShortName,
        folder = check.Folder.DisplayPath,
        valid = !check.Result.HasErrors,
        errors = check.Result.Errors.Select(ProblemToJson),
        warnings = check.Result.Warnings.Select(ProblemToJson),
    };

    private static object ProblemToJson(ConfigurationProblem problem) => new
    {
        file = problem.File,
        key_path = problem.KeyPath,
        message = problem.Message,
        line = problem.Line,
    };
}
