using System.Security.Cryptography;
using DistillGuard.Core.Privacy;

namespace DistillGuard.Cli.Commands;

/// <summary>
/// Loads the local hashing key, creating a random one on first use so stored hashes stay comparable across runs. The key
/// is created readable by its owner only (0600), and a key that others may read is refused: whoever reads it can reverse
/// the hashed IPv4 addresses by trying them all.
/// </summary>
internal static class HashKeyFile
{
    /// <summary>Permission bits a key file must not have: any access for the group or for others.</summary>
    private const UnixFileMode Shared = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & Shared) != 0)
            {
                throw new ArgumentException($"key file '{path}' can be read by other users ({File.GetUnixFileMode(path)}); make it private with: chmod 600 '{path}'");
            }

            var key = File.ReadAllBytes(path);
            if (key.Length < KeyedHasher.MinKeyBytes)
            {
                throw new ArgumentException($"key file '{path}' holds {key.Length} bytes; at least {KeyedHasher.MinKeyBytes} are needed");
            }

            return key;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var fresh = RandomNumberGenerator.GetBytes(KeyedHasher.MinKeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(fresh);
        }

        return fresh;
    }
}
