namespace IAToolkit.Database.Migrations;

/// <summary>One numbered SQL migration shipped inside the assembly.</summary>
/// <param name="Version">The number at the start of the file name.</param>
/// <param name="Name">The file name without extension, e.g. <c>0001_core</c>.</param>
/// <param name="Sql">The script.</param>
/// <param name="Checksum">SHA-256 of the script with line endings normalized.</param>
internal sealed record Migration(int Version, string Name, string Sql, string Checksum);
