// The program that owns the test programs' shared precompiled headers (tests/CMakeLists.txt,
// cmake/Precompiled.cmake). It is built only so that they exist; nothing runs it.
int main()
{
    return 0;
}
