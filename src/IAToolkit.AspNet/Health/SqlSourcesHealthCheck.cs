using IAToolkit.Companies;
using IAToolkit.SqlSources;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IAToolkit.AspNet.Health;

/// <summary>
/// Unhealthy when the SQL tool would refuse a company database: its role is a superuser or otherwise privileged (and
/// <see cref="SqlToolOptions.AllowPrivilegedRoles"/> is off), or it logs in with the core database's credentials.
/// Degraded (still 200) when a source is not configured or cannot be reached, or runs privileged by the opt-out.
/// Each line names the company and the database and says why; never the connection string.
/// </summary>
internal sealed class SqlSourcesHealthCheck : IHealthCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);
    private readonly ICompanyCatalog _catalog;
    private readonly SqlSourceConnections _connections;

    public SqlSourcesHealthCheck(ICompanyCatalog catalog, SqlSourceConnections connections)
    {
        _catalog = catalog;
        _connections = connections;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        var statuses = new List<SqlSourceStatus>();
        try
        {
            foreach (var company in _catalog.Companies)
            {
                foreach (var source in company.Configuration.SqlDataSources)
                {
                    statuses.Add(await _connections.VerifyAsync(company.ShortName, source, timeout.Token));
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"The company databases were not all checked within {s_timeout.TotalSeconds:0} s.");
        }

        var problems = statuses.Where(s => s.State != SqlSourceState.LeastPrivilege).ToList();
        if (problems.Count == 0)
        {
            return HealthCheckResult.Healthy();
        }

        var description = string.Join(" ", problems.Select(s => $"{s.Company}/{s.Database}: {s.Message}"));
        return problems.Any(s => s.State == SqlSourceState.Refused) ? HealthCheckResult.Unhealthy(description) : HealthCheckResult.Degraded(description);
    }
}
