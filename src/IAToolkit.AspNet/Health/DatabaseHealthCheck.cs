using IAToolkit.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace IAToolkit.AspNet.Health;

/// <summary>Healthy when the core database answers a query within a few seconds.</summary>
internal sealed class DatabaseHealthCheck : IHealthCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);
    private readonly CoreDatabase _database;

    public DatabaseHealthCheck(CoreDatabase database) => _database = database;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database at {_database.Endpoint} did not answer within {s_timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The database at {_database.Endpoint} is unavailable: {ex.Message}");
        }
    }
}
