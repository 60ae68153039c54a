import CSKKNISystem

/// Gives memory the process has freed back to the system, where the allocator would keep it
/// (glibc): a long-running `build --watch` frees each rebuild's transient data.
public enum ReleaseMemory {
    public static func now() { skkni_release_free_memory() }
}
