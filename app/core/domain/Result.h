// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace strata {

/// What kind of failure an Error reports, so callers can react without parsing messages.
enum class ErrorCode {
    Io,
    Database,
    Integrity,
    InvalidInput,
    NotFound,
    Conflict,
    Locked,
    ReadOnly,
    Unsupported,
    Cancelled,
};

/// A failure as a value: a code for programs and a translated, specific message for people.
struct Error
{
    ErrorCode code = ErrorCode::InvalidInput;
    QString message;
};

/// Either a value or an Error; core never throws across its API.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    // By value, so `for (x : f().value().list)` does not iterate a destroyed temporary.
    T value() && { return std::get<T>(std::move(m_data)); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// The success value of a Status.
struct Ok
{
};

using Status = Result<Ok>;

} // namespace strata
