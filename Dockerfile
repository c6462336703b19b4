# syntax=docker/dockerfile:1
# The haven image: a release build with its debug info split off (scripts/dist), on
# Debian slim with libpq, running as an unprivileged user. Images cannot be built on the
# project's development machines (no container engine or base-image registry there); CI
# of the deploying platform builds it: docker build -t haven:$(git rev-parse --short HEAD) .

ARG RUST_VERSION=1.95
ARG DEBIAN_RELEASE=bookworm

FROM rust:${RUST_VERSION}-${DEBIAN_RELEASE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev binutils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    scripts/dist /out

# The debug info as its own stage: `docker build --target debug-info --output type=local,dest=.`
FROM scratch AS debug-info
COPY --from=build /out/haven.debug /haven.debug

FROM debian:${DEBIAN_RELEASE}-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 10001 haven \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin haven
COPY --from=build /out/haven /usr/local/bin/haven
# A fixed mmap threshold: each login's 19 MiB argon2 block is returned to the kernel when
# freed; with glibc's sliding threshold RSS grows to ~500 MiB (BENCHMARKS.md "Footprint").
ENV GLIBC_TUNABLES=glibc.malloc.mmap_threshold=4194304
# Numeric, so Kubernetes' runAsNonRoot can verify it.
USER 10001:10001
# API and admin (/metrics, /health/live, /health/ready) listeners.
EXPOSE 8080 9090
ENTRYPOINT ["/usr/local/bin/haven"]
CMD ["serve"]
