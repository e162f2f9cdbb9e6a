using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Security;

/// <summary>Writes every new key of the ring encrypted (see <see cref="KeyRingCipher"/>).</summary>
internal sealed class SecretKeyXmlEncryptor : IXmlEncryptor
{
    // Resolved when the first key is written, not when Data Protection is wired up while the host is built: a missing
    // IATOOLKIT_SECRET_KEY must stop the start with the validator's message, not with a stack trace from here.
    private readonly Lazy<KeyRingCipher> _cipher;

    public SecretKeyXmlEncryptor(IServiceProvider services) => _cipher = new(services.GetRequiredService<KeyRingCipher>);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(_cipher.Value.Encrypt(plaintextElement), typeof(SecretKeyXmlDecryptor));
}
