using System.Data;
using Dapper;
using Npgsql;
using Pgvector;

namespace IAToolkit.Database;

/// <summary>Lets Dapper pass and read pgvector values (Pgvector.Dapper is not available).</summary>
internal sealed class VectorTypeHandler : SqlMapper.TypeHandler<Vector>
{
    public override Vector Parse(object value) => (Vector)value;

    public override void SetValue(IDbDataParameter parameter, Vector? value)
    {
        parameter.Value = value is null ? DBNull.Value : value;
        if (parameter is NpgsqlParameter npgsqlParameter)
        {
            npgsqlParameter.DataTypeName = "vector";
        }
    }
}
