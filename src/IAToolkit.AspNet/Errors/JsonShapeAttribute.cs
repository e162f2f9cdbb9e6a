namespace IAToolkit.AspNet.Errors;

/// <summary>
/// Says in words what a request field (or a request type) must look like, where the shape
/// <see cref="JsonShape"/> derives from its type would not tell a client enough (a field with alternative forms).
/// </summary>
/// <param name="description">The expected shape, e.g. "an array of objects {name, base64}".</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, Inherited = false)]
internal sealed class JsonShapeAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
