#pragma once
// How an Azure request was authorized: what an error's explanation must know, since the
// service (and more so Azurite) answers a wrong key, a bad SAS and no credentials alike.

namespace zs {

enum class AzureAuthKind
{
    Anonymous,
    SharedKey,
    Sas,
};

} // namespace zs
