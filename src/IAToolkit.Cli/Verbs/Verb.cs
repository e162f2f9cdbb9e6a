using System.CommandLine;

namespace IAToolkit.Cli.Verbs;

/// <summary>A framework verb: one small class that builds its <see cref="Command"/>.</summary>
internal abstract class Verb
{
    /// <summary>The verb's name, e.g. <c>migrate</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Builds the command with its options and action.</summary>
    public abstract Command Build();
}
