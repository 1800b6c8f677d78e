# Guichet — the verbs people use. `make` alone prints this list.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export JAVA_HOME ?= /usr/lib/jvm/temurin-25-jdk-amd64
export PATH := $(JAVA_HOME)/bin:$(PATH)
MVN := mvn -B -ntp -q
JAR := backend/target/guichet-backend.jar

.PHONY: help deps build run test test-backend test-frontend test-e2e test-deployment \
        seed-demo bench backup restore restore-pitr docker-restore-pitr failover-drill docker-up docker-backup docker-restore docker-down logs status clean

help: ## list the verbs
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

deps: ## install what building and testing need (apt packages, npm packages)
	@scripts/install-deps.sh

build: deps ## build the backend jar with the SPA inside it
	cd backend && $(MVN) compile
	cd frontend && npm run build
	cd backend && $(MVN) package -DskipTests -Dmaven.test.skip=true

run: build ## build and start Guichet on the PostgreSQL given by the environment
	@scripts/run.sh

test: build ## run every test: backend, frontend unit, end-to-end, deployment checks, restore drill
	$(MAKE) test-backend test-frontend test-e2e test-deployment

test-backend: ## backend integration tests against a real PostgreSQL
	@scripts/test-backend.sh

test-frontend: ## frontend unit and component tests (Vitest)
	cd frontend && npm test

test-e2e: ## Playwright end-to-end suite through nginx in front of the backend jar
	@frontend/e2e/run.sh

test-deployment: ## nginx -t, compose and Kubernetes validation, systemd units, restore drill
	@DRILL_REQUIRE_ATTACHMENTS=1 deployment/tests/run-all.sh

seed-demo: ## load the demo helpdesk (real Endava tickets) through the service; idempotent
	@scripts/seed-demo.sh

bench: build ## measure at scale: 1M-ticket database, latency table, pgbench floor, JSM-like mix (docs/performance.md)
	@scripts/bench.sh

backup: ## dump the database now (deployment/backup.sh)
	@deployment/backup.sh

restore: ## restore a dump: make restore FILE=backups/daily/x.dump CONFIRM=yes
	@deployment/restore.sh $(if $(CONFIRM),--yes) "$(FILE)"

restore-pitr: ## point-in-time restore (pgBackRest), as root on the VPS: make restore-pitr TARGET="2026-12-03 17:55:00" CONFIRM=yes
	@PGDATA=$${PGDATA:-$$(ls -d /var/lib/postgresql/*/main 2>/dev/null | tail -n 1)} \
	 PG_BINDIR=$${PG_BINDIR:-$$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1)} \
	 PITR_CONFIG_FILE=$${PITR_CONFIG_FILE:-$$(ls /etc/postgresql/*/main/postgresql.conf 2>/dev/null | tail -n 1)} \
	 PITR_STOP="$${PITR_STOP:-systemctl stop guichet-backend postgresql}" \
	 PITR_START="$${PITR_START:-systemctl start postgresql guichet-backend}" \
	 deployment/restore-pitr.sh $(if $(CONFIRM),--yes) "$(TARGET)"

docker-restore-pitr: ## on a Docker Compose host: make docker-restore-pitr TARGET="2026-12-03 17:55:00" CONFIRM=yes
	docker compose stop backend pgbackrest postgres
	docker compose run --rm --no-deps --entrypoint /opt/guichet/deployment/restore-pitr.sh \
	  -e PGDATA=/var/lib/postgresql/data -e PITR_IN_VOLUME=1 \
	  -e PITR_TRIAL_OPTIONS="-c wal_level=replica -c archive_mode=on -c archive_command='pgbackrest --stanza=guichet archive-push %p'" \
	  -e PITR_STOP=true -e PITR_START=true pgbackrest $(if $(CONFIRM),--yes) "$(TARGET)"
	docker compose start postgres pgbackrest backend

failover-drill: build ## primary + streaming replica, promote under write load, every acknowledged ticket kept
	@deployment/tests/failover-drill.sh

docker-up: ## build and start the production stack with Docker Compose
	docker compose up -d --build

docker-backup: ## on a Docker Compose host: dump the database now, into ./backups
	docker compose run --rm --entrypoint /opt/guichet/deployment/backup.sh backup

docker-restore: ## on a Docker Compose host: make docker-restore FILE=daily/x.dump CONFIRM=yes
	docker compose stop backend
	docker compose run --rm --entrypoint /opt/guichet/deployment/restore.sh backup $(if $(CONFIRM),--yes) "/backups/$(FILE)"
	docker compose start backend

docker-down: ## stop the Docker Compose stack
	docker compose down

logs: ## follow the Docker Compose logs
	docker compose logs -f --tail=200

status: ## services, /health, outbox backlog, age of the newest backup
	@deployment/status.sh

clean: ## remove build output
	rm -rf backend/target frontend/dist
